package io.prax.identity;

/** INVITED until the password is set through the one-time link. */
public enum UserStatus {

	INVITED, ACTIVE, DEACTIVATED

}
