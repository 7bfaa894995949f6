/**
 * HTTP at the delivery log's edges: what was sent to an address (ops only), and the
 * invoice PDFs fetched from billing for the invoice mail.
 */
package com.worklib.notification.delivery.web;
