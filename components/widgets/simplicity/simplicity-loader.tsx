'use client';
import { lazy, type ReactNode } from 'react';
import { LazyWidget } from '../shared/lazy-widget';
import type { SimplicityReference } from './simplicity-reference';
import styles from './simplicity.module.css';

const load = () => import('./simplicity-trainer');
const SimplicityTrainer = lazy(() => load().then((m) => ({ default: m.SimplicityTrainer })));

export function SimplicityLoader({ reference, children }: { reference: SimplicityReference; children: ReactNode }) {
  return (
    <LazyWidget
      placeholder={children}
      interactive={<SimplicityTrainer reference={reference} focusOnMount />}
      buttonLabel="Train the network yourself"
      hint="Trains a fresh network in your browser, in about a second."
      preload={load}
      reserveClassName={styles.reserve}
    />
  );
}
