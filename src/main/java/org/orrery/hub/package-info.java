/**
 * Telling a PubSubHubbub (WebSub) hub that the planet's feeds changed, after publishing:
 * takes the hub's URL and the feeds' URLs, gives whether the hub accepted.
 */
package org.orrery.hub;
