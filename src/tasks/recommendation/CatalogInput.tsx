import type { InputProps } from '../types';
import { TextInput } from '../../ui/kit/TextInput/TextInput';
import { catalogOf, type RecommendationInput } from './catalog';
import { SAMPLE_CATALOG, type CatalogItem } from './sample-catalog';
import { FieldError } from '../../ui/kit/FieldError/FieldError';

export const CUSTOM_EXAMPLE = [
  'Dune — A desert planet, a noble family and a war over the spice that powers space travel.',
  'Emma — A matchmaker in an English village meddles in her friends’ love lives.',
  'The Hobbit — A quiet hobbit joins dwarves on a quest to take back their mountain from a dragon.',
  'Foundation — A mathematician predicts the fall of a galactic empire and plans to shorten the dark age.',
  'Persuasion — Years after breaking off an engagement, a woman meets the naval captain she still loves.',
].join('\n');

function SourcePicker({ value, onChange, disabled }: Pick<InputProps<RecommendationInput>, 'value' | 'onChange' | 'disabled'>) {
  const choices = [
    { source: 'sample' as const, label: `Sample: ${SAMPLE_CATALOG.length} films` },
    { source: 'custom' as const, label: 'Paste your own' },
  ];
  return (
    <div className="field">
      <span className="label">Catalog</span>
      <div className="chips">
        {choices.map((choice) => (
          <button
            key={choice.source}
            type="button"
            className={`chip${value.source === choice.source ? ' active' : ''}`}
            aria-pressed={value.source === choice.source}
            onClick={() => onChange({ ...value, source: choice.source })}
            disabled={disabled}
            data-testid={`catalog-${choice.source}`}
          >
            {choice.label}
          </button>
        ))}
      </div>
    </div>
  );
}

function CatalogRow({ item, liked, onToggle, disabled }: { item: CatalogItem; liked: boolean; onToggle(): void; disabled: boolean }) {
  return (
    <li className={liked ? 'liked' : undefined}>
      <button
        type="button"
        className="heart"
        aria-pressed={liked}
        aria-label={`${liked ? 'Unlike' : 'Like'} ${item.title}`}
        title={liked ? 'Liked' : 'Like'}
        onClick={onToggle}
        disabled={disabled}
        data-testid={`like-${item.id}`}
      >
        {liked ? '♥' : '♡'}
      </button>
      <span className="catalog-item">
        <strong>{item.title}</strong>
        {item.description && <span className="muted small">{item.description}</span>}
      </span>
    </li>
  );
}

export function CatalogInput({ value, onChange, error, disabled }: InputProps<RecommendationInput>) {
  const items = catalogOf(value, SAMPLE_CATALOG);
  const liked = new Set(value.liked);
  const likedHere = items.filter((item) => liked.has(item.id)).length;
  const catalogError = error && value.source === 'custom' && /catalog/i.test(error) ? error : undefined;
  const listError = error && !catalogError ? error : undefined;
  const toggle = (id: string) => onChange({ ...value, liked: liked.has(id) ? value.liked.filter((x) => x !== id) : [...value.liked, id] });
  return (
    <>
      <SourcePicker value={value} onChange={onChange} disabled={disabled} />
      {value.source === 'custom' && (
        <TextInput
          label="Your catalog (one “title — description” per line)"
          rows={6}
          value={value.customCatalog}
          onChange={(customCatalog) => onChange({ ...value, customCatalog })}
          error={catalogError}
          disabled={disabled}
          testId="catalog-input"
        />
      )}
      <div className="field">
        <div className="catalog-head">
          <span className="label">Tap ♥ on the items you like</span>
          <span className="muted small" data-testid="liked-count">
            {likedHere} liked
          </span>
          <button type="button" className="link" onClick={() => onChange({ ...value, liked: [] })} disabled={disabled || value.liked.length === 0} data-testid="clear-likes">
            Clear likes
          </button>
        </div>
        <FieldError testId="liked-error">{listError}</FieldError>
        <ul className="catalog-list" data-testid="catalog-list" aria-invalid={Boolean(listError)}>
          {items.map((item) => (
            <CatalogRow key={item.id} item={item} liked={liked.has(item.id)} onToggle={() => toggle(item.id)} disabled={disabled} />
          ))}
        </ul>
      </div>
    </>
  );
}
