/** HTTP for establishments and their request/response records. */
package com.worklib.venue.establishment.web;
