/** HTTP for workspaces and the price preview, and their records. */
package com.worklib.venue.workspace.web;
