/**
 * Cross-cutting pieces every Worklib servlet service shares; nothing domain-specific
 * beyond pricing.
 */
package com.worklib.platform;
