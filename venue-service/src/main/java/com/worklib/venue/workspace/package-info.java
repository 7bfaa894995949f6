/**
 * Workspaces: type, capacity, booking mode and the partner price excl. VAT with its rate.
 */
package com.worklib.venue.workspace;
