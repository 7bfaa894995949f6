package com.worklib.platform.money;

/** The unit a workspace price is entered for. */
public enum PriceUnit {

	HOUR, HALF_DAY, DAY

}
