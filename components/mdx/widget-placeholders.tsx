// TEMPORARY: stands in until components/widgets lands.
export function TaxonomyTable() { return <p>[taxonomy table]</p>; }
export function SimplicityBiasToy() { return <p>[simplicity toy]</p>; }
export function CoinRunGridworld() { return <p>[coinrun]</p>; }
export function ToySweep({ toy }: { toy: string }) { return <p>[sweep {toy}]</p>; }
