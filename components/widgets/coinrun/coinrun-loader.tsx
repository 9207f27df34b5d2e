'use client';
import { lazy, type ReactNode } from 'react';
import { LazyWidget } from '../shared/lazy-widget';
import type { CoinrunReference } from './coinrun-reference';
import styles from './coinrun.module.css';

// The trainer (engine, animation, chart and worker wiring) is its own chunk, fetched when the widget nears
// the viewport and shown when the reader asks for it.
const load = () => import('./coinrun-trainer');
const CoinRunTrainer = lazy(() => load().then((m) => ({ default: m.CoinRunTrainer })));

export function CoinRunLoader({ reference, children }: { reference: CoinrunReference; children: ReactNode }) {
  return (
    <LazyWidget
      placeholder={children}
      interactive={<CoinRunTrainer reference={reference} focusOnMount />}
      buttonLabel="Train the agent yourself"
      hint="Trains a fresh agent in your browser, in a second or two."
      preload={load}
      reserveClassName={styles.reserve}
    />
  );
}
