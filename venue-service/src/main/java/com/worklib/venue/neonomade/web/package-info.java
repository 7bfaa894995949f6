/** HTTP for the Neo-nomade CSV import (ops only). */
package com.worklib.venue.neonomade.web;
