/** HTTP for payouts and payment runs. */
package com.worklib.payment.payout.web;
