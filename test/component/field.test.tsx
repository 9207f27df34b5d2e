// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Field } from '../../components/ui/field';

describe('Field', () => {
  it('links its label, hint and error so a screen reader announces them with the input', () => {
    render(<Field name="password" label="Password" hint="8 to 128 characters." errors={['Use at least 8 characters.']} />);
    const input = screen.getByLabelText('Password');
    expect(input).toHaveProperty('name', 'password');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = input.getAttribute('aria-describedby')!.split(' ');
    const texts = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(texts).toEqual(['8 to 128 characters.', 'Use at least 8 characters.']);
  });

  it('is not marked invalid without errors', () => {
    render(<Field name="email" label="Email" />);
    expect(screen.getByLabelText('Email').hasAttribute('aria-invalid')).toBe(false);
  });
});
