/** The HTTP edge: correlation ids for every request and the single-page app on the same origin. */
package app.premia.platform.web;
