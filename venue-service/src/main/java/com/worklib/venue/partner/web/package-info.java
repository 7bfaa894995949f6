/** HTTP for a partner as its members and ops see it. */
package com.worklib.venue.partner.web;
