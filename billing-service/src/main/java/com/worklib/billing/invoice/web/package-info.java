/** HTTP for statements, invoices and their PDFs. */
package com.worklib.billing.invoice.web;
