/** Normalisation and validation rules shared by the API and the Neo-nomade import. */
package com.worklib.venue.shared;
