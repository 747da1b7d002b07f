/** Classes written to break the architecture rules, so their test can prove each rule fails. */
package app.premia.archfixture;
