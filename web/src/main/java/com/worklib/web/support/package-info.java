/** Security, languages and the page layout every page shares. */
package com.worklib.web.support;
