/**
 * The bonus regulations («Положение о премировании») as a document: generated from the scheme
 * versions the engine executes, so its text cannot disagree with the payout (issue #8,
 * docs/domain/regulations.md). Pure: the model, the writer that turns schemes into legal text in
 * Russian and English, worked examples the engine computes, the diff between two versions and its
 * JSON form. Storage, publication, acknowledgements and rendering (HTML, PDF) live in the
 * application layer.
 */
package app.premia.compensation.domain.regulations;
