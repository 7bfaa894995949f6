/** HTTP for a workspace's availability on a day. */
package com.worklib.booking.availability.web;
