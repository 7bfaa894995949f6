/**
 * Who to write to: users, partners, establishments (booking contacts) and workspaces, as
 * read models fed by identity and venue events.
 */
package com.worklib.notification.contact;
