/** HTTP for what was sent to an address (ops only). */
package com.worklib.notification.delivery.web;
