package org.hafnia.experiments.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The accepted range of a numeric option or parameter, checked by {@link OptionValidation} for
 * every command before it runs (bounds inclusive). Floating-point options are also refused
 * when not finite, with or without this annotation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Range {

    double min() default Double.NEGATIVE_INFINITY;

    double max() default Double.POSITIVE_INFINITY;

    /** The unit of the bounds, for the message ("V", "degrees"); empty when dimensionless. */
    String unit() default "";
}
