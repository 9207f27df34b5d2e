import { TaxonomyExplorer } from './taxonomy-explorer';

/** The three-way taxonomy of chapter 0: a real table in the server HTML, with a question picker that
 *  highlights the matching row (by CSS alone without JavaScript, by React with it). */
export function TaxonomyTable() {
  return <TaxonomyExplorer />;
}
