import type { ComponentPropsWithoutRef } from 'react';
import { TableScroll } from '@/components/ui/table-scroll';
import styles from './headings.module.css';

function anchored(Tag: 'h2' | 'h3') {
  return function Heading({ id, children, ...rest }: ComponentPropsWithoutRef<'h2'>) {
    return (
      <Tag id={id} className={styles.heading} {...rest}>
        {children}
        {id && (
          <a href={`#${id}`} className={styles.anchor} aria-label="Link to this section">
            #
          </a>
        )}
      </Tag>
    );
  };
}

export const H2 = anchored('h2');
export const H3 = anchored('h3');

export function Table(props: ComponentPropsWithoutRef<'table'>) {
  return (
    <div className={styles.tableBlock}>
      <TableScroll label="Table">
        <table {...props} />
      </TableScroll>
    </div>
  );
}
