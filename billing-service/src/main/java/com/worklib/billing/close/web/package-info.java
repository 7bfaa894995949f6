/** HTTP for month-end closings (ops) and partners' monthly statements. */
package com.worklib.billing.close.web;
