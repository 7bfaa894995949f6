/** Defaults and JSON settings shared by every servlet service. */
package com.worklib.platform.config;
