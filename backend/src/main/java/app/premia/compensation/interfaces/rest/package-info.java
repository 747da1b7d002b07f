/** File endpoints of compensation (payout run exports). */
package app.premia.compensation.interfaces.rest;
