/**
 * One small client per platform API, through the gateway, and the API's problems as page
 * errors.
 */
package com.worklib.web.api;
