/** HTTP for the public search by city, type and capacity. */
package com.worklib.venue.search.web;
