/**
 * Which event becomes which mail to whom: identity, venue, booking, billing and payout
 * mails.
 */
package com.worklib.notification.mails;
