/**
 * The ops console under {@code /ops}, for members of the realm role {@code ops} only:
 * Neo-nomade imports with their per-line errors, the partners list, month-end closings
 * and payment runs to start and watch, dead letters to inspect and replay, and the mails
 * an address received. Every call is the API's, which refuses anyone else too.
 */
package com.worklib.web.ops;
