package dev.loupe.backoffice.web;

import dev.loupe.identity.Permission;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a back office page or action needs. Every handler under {@code /app} (but the sign-in page) must
 * carry one or be marked {@link #signedIn()}; {@link StaffInterceptor} refuses handlers with neither.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface Requires {

	/** The permission; empty with {@code signedIn = true} means any member of staff. */
	Permission[] value() default {};

	/** Any signed-in member of staff may use it. */
	boolean signedIn() default false;
}
