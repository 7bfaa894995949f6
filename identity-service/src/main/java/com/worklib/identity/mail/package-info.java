/**
 * Mails are sent by notification-service: identity publishes what to send on
 * identity.notifications.v1.
 */
package com.worklib.identity.mail;
