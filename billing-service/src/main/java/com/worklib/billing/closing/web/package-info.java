/** HTTP for month-end closings (ops only). */
package com.worklib.billing.closing.web;
