/**
 * The catalog read model: partners, establishments and workspaces as venue-service last
 * published them.
 */
package com.worklib.booking.catalog;
