/**
 * The public catalog search: by city (accents and case ignored), type and capacity;
 * active workspaces only.
 */
package com.worklib.venue.search;
