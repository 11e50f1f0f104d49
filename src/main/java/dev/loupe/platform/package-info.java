/**
 * What every module shares: money, ids, the clock, the error model, typed configuration and the database.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.loupe.platform;
