/**
 * Rendering and sending mails: the delivery log (one row per event, recipient and
 * template), SMTP with retries, and the ops view of deliveries.
 */
package com.worklib.notification.delivery;
