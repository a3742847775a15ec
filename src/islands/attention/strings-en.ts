/**
 * The attention island's sentences in English: the same keys as strings.ts's Korean tables, which
 * check them where they are picked (no import back from strings.ts: no cycle).
 */
import { MAX_TOKENS, type TokenizeProblem } from '@demos/attention/tokenize';
import { english } from '../strings-lang';
import { errorMessage } from '@demos/shared/errors';

const err = errorMessage;

export const ATTN_EN = english({
  en: {
    defaultText: 'The animal didn’t cross the street because it was too tired.',
    tokenizeProblem: (p: TokenizeProblem) =>
      p.code === 'empty'
        ? 'Type a sentence (an empty input has no tokens).'
        : `That is ${p.count} tokens. This demo computes at most ${p.max} — please shorten the sentence.`,
    choosingBackend: 'Choosing a TensorFlow.js backend…',
    startFailed: (e: unknown) => `The demo could not start: ${err(e)}`,
    tabs: { step: 'Step by step', trained: 'Trained model (reversing digits)', label: 'Demo mode' },
    step: {
      textLabel: `Sentence (Korean or English, at most ${MAX_TOKENS} tokens)`,
      dLabel: 'Model dimension D ',
      hLabel: 'Heads H ',
      causal: ' Causal mask (look at earlier tokens only)',
      scale: ' 1/√dₕ scaling',
      hoverHint: 'Hover over a cell to see its value. Shading is relative to each map’s maximum; hatched cells are masked.',
      tokenHint:
        'Tokenization: split on spaces and punctuation (a Korean word keeps its particle in one token, each punctuation mark is a token; simpler than a real model’s subword tokenizer). Pick a query token (← → keys move), or click a row of a heatmap.',
      tableSummary: 'Table of attention weights (for screen readers)',
      scrollCue: '← The formula is wider than the screen: scroll sideways →',
      formulaLabel: 'Attention formula for the selected query token (scrolls sideways on narrow screens)',
      computed: (t: number, d: number, h: number, seed: number) =>
        `${t} tokens · D=${d}, H=${h}, dₕ=${d / h} · ⚠ random weights from seed ${seed} (untrained): the patterns of these weights mean nothing.`,
      computedLm: (t: number, layer: number, d: number, h: number) =>
        `${t} tokens · layer ${layer + 1} of a small trained language model · D=${d}, H=${h}, dₕ=${d / h} · causal mask (a language model looks at earlier tokens only)`,
      weightsLabel: 'Weights ',
      weightsLm: 'Trained language model',
      weightsRandom: 'Random weights (untrained)',
      layerLabel: 'Layer ',
      lmFixed: 'The trained model is fixed at D=64, H=4 and always uses the causal mask.',
      lmLoading: 'Loading the language-model checkpoint…',
      failed: (e: unknown) => `Computation failed: ${err(e)}`,
      mapTitle: (head: number) => `Head ${head + 1}: attention weights (row = query, column = key)`,
      headButton: (head: number) => `Head ${head + 1}`,
      hover: (head: number, from: string, to: string, value: string) => `Head ${head + 1}: ${from} → ${to} = ${value}`,
      masked: 'masked',
      sharpness: (head: number, dh: number, on: { entropy: string; max: string }, off: { entropy: string; max: string }) =>
        `How sharp head ${head + 1}’s softmax is (row mean) — with 1/√${dh} scaling: entropy ${on.entropy} nat, largest weight ${on.max} · without: entropy ${off.entropy} nat, largest weight ${off.max}. Without scaling the scores spread √dₕ times wider and the distribution piles onto one token.`,
      tableCaption: (head: number) => `Attention weights of head ${head + 1}: rows are query tokens, columns are key tokens`,
    },
    trained: {
      task: 'Task: output 8 digits in reverse. Output position i has to look at input position 7−i, so a fully trained model’s attention map is the anti-diagonal (↙).',
      digitsLabel: 'Input digits (8 of them)',
      train: 'Start training',
      stop: 'Stop training',
      reset: 'Random initialization',
      load: 'Load checkpoint',
      loading: 'Loading the checkpoint…',
      accLabel: (n: number) => `Evaluation accuracy (${n} fixed seeds): `,
      acc: (token: string, seq: string, loss: string, source: string, steps: number) =>
        `tokens ${token}% · whole sequences ${seq}% · loss ${loss} · ${source} + ${steps} steps trained on this page`,
      badDigits: 'Enter 8 digits (e.g. 31415926).',
      prediction: (got: string, want: string) => `Model output: ${got} · answer: ${want} ${got === want ? '✓' : '✗'}`,
      mapName: (layer: number, head: number) => `Layer ${layer + 1} · head ${head + 1}`,
      mapTitle: (name: string) => `${name}: attention weights (row = query position, column = key position)`,
      hover: (name: string, i: number, j: number, value: string) => `${name}: position ${i} → position ${j} = ${value}`,
      tableCaption: (name: string) => `Attention weights of ${name}`,
      labelsHint:
        'Axis labels read “position:digit”: “0:3” is the digit 3 at input position 0. Rows are output (query) positions, columns are input (key) positions.',
      keyHead: (head: number) => `Head ${head + 1}`,
      linesHint: (layers: number) => `Layer ${layers}, all heads (hover over a position on the left)`,
      sourceCheckpoint: (steps: number) => `checkpoint (${steps} steps)`,
      sourceRandom: 'random initialization (seed 1)',
      loaded: (seed: number, steps: number, backend: string, date: string, layers: number, heads: number, d: number) =>
        `Checkpoint: seed ${seed}, trained for ${steps} steps (${backend}, ${date}), ${layers} layers · ${heads} heads · D=${d}. You can keep training it on this page.`,
      loadFailed: (e: unknown) => `Could not load the checkpoint: ${err(e)} — choose “Random initialization” and train it yourself.`,
      randomReady: 'Random weights from seed 1. Press “Start training” to train on this page.',
      training: (backend: string, batch: number, seed: number) => `Training (backend ${backend}, batch ${batch}, Adam, data seed ${seed})…`,
      stopped: 'Training stopped.',
      trainFailed: (e: unknown) => `Training failed: ${err(e)}`,
    },
    table: { corner: 'query \\ key' },
    tokenBar: 'Pick a query token (arrow keys move)',
    linesLabel: (token: string) => `Attention lines from query token ${token} to each key`,
    formulaHead: (head: number) => `Head ${head + 1}`,
  },
} as const);

export const STEPPER_EN = english({
  en: {
    label: 'Step by step: one stage at a time (← → keys or the buttons)',
    prev: '◀ Previous stage',
    next: 'Next stage ▶',
    counter: (n: number, total: number) => `Stage ${n + 1} of ${total}`,
    termHint:
      'Click or hover over a term of the formula to light up that matrix’s cells. Click a cell for its value and how it is computed.',
    stages: [
      'Q = X W_Q: multiply each token’s vector x_i by the query projection to get its query q_i.',
      'K = X W_K: multiply the same input by the key projection to get the keys k_j.',
      'V = X W_V: multiply by the value projection to get the values v_j — what gets mixed.',
      'S = Q Kᵀ: the dot product of query q_i and key k_j is the score S[i, j].',
      'S ÷ √dₕ: divide the scores by the square root of the key dimension so the softmax does not pile onto one cell.',
      'Mask: with the causal mask on, scores of later tokens (j > i) become −∞.',
      'A = softmax(…): a softmax on each row gives attention weights that sum to 1.',
      'Z = A V: the weights mix the values into the head’s output z_i.',
    ],
    names: ['Q', 'K', 'V', 'S = QKᵀ', 'S / √dₕ', 'mask(S / √dₕ)', 'A', 'Z = AV'],
    shape: (rows: number, cols: number) => `(${rows}×${cols})`,
    headNote: (head: number) => `Matrices of head ${head + 1}`,
    tableLabel: (name: string) => `Matrix ${name}`,
    noMask: '(mask off: no cell changes)',
    cellPrompt: 'Click a cell to see its value and how it is computed here.',
    cell: {
      q: (i: number, c: number, t: string, v: string) =>
        `Q[${i}, ${c}] = x_${i} · W_Q[:, ${c}] = ${v}  (component ${c} of the query of token “${t}”)`,
      k: (i: number, c: number, t: string, v: string) =>
        `K[${i}, ${c}] = x_${i} · W_K[:, ${c}] = ${v}  (component ${c} of the key of token “${t}”)`,
      v: (i: number, c: number, t: string, v: string) =>
        `V[${i}, ${c}] = x_${i} · W_V[:, ${c}] = ${v}  (component ${c} of the value of token “${t}”)`,
      s: (i: number, j: number, a: string, b: string, v: string) =>
        `S[${i}, ${j}] = q_${i} · k_${j} = ${v}  (the query of “${a}” and the key of “${b}”)`,
      scaled: (i: number, j: number, raw: string, dh: number, v: string) =>
        `S[${i}, ${j}] / √${dh} = ${raw} / ${Math.sqrt(dh).toFixed(3)} = ${v}`,
      masked: (i: number, j: number) => `[${i}, ${j}] = −∞: key ${j} comes after query ${i}, so it is hidden (0 after the softmax).`,
      kept: (i: number, j: number, v: string) => `[${i}, ${j}] = ${v} (j ≤ i: unchanged)`,
      a: (i: number, j: number, v: string) => `A[${i}, ${j}] = exp(s̃_${i}${j}) / Σ_j′ exp(s̃_${i}j′) = ${v}`,
      z: (i: number, c: number, v: string) => `Z[${i}, ${c}] = Σ_j A[${i}, j] · V[j, ${c}] = ${v}`,
    },
  },
} as const);

export const LM_EN = english({
  en: {
    title: 'What the small trained language model learned',
    trained: (trainTokens: number, steps: number, seconds: number) =>
      `A 2-layer, 4-head model trained for ${steps} steps to predict the next token on this site’s text and the project’s documents (${trainTokens} training tokens; ${seconds} s on one CPU core, scripts/train-lm.py).`,
    loss: (tokens: number, loss: string, uni: string, ppl: string, uniPpl: string) =>
      `On held-out text (${tokens} tokens) the loss is ${loss} nat per token — below the ${uni} nat of a unigram baseline that only knows word frequencies (perplexity ${ppl} vs ${uniPpl}).`,
    finding: {
      clear: (layer: number, head: number, prev: string, uniform: string) =>
        `Finding: ${prev}% of the attention of layer ${layer + 1} · head ${head + 1} goes to the token just before (${uniform}% if it looked evenly at the earlier tokens). It is a previous-token head.`,
      weak: (layer: number, head: number, prev: string, uniform: string) =>
        `Finding: no clear previous-token head yet. Layer ${layer + 1} · head ${head + 1}, which looks at the token just before the most, gives it ${prev}% — only a little above the ${uniform}% of looking evenly. The heads of this small model look almost evenly over the held-out text.`,
      none: (layer: number, head: number, prev: string, uniform: string) =>
        `Finding: there is no previous-token head. Layer ${layer + 1} · head ${head + 1}, which looks at the token just before the most, gives it ${prev}%, about the ${uniform}% of looking evenly.`,
    },
    liveUniform: (pct: string) => `Looking evenly, the share of the previous token in this sentence would be ${pct}%.`,
    tableCaption:
      'Attention share per head (mean over queries i ≥ 1): the previous token · the first token · itself. “Held-out” is text not used in training; “this sentence” is the sentence you typed.',
    tableLabel: 'Table of attention shares per head',
    cols: ['Head', 'Previous (held-out)', 'Previous (this sentence)', 'First (held-out)', 'Itself (held-out)'],
    headName: (layer: number, head: number) => `Layer ${layer + 1} · head ${head + 1}`,
    next: (words: string) => `Next-token prediction (after the last token): ${words}`,
    randomWarn:
      '⚠ Random-weights mode: these weights are untrained, so the patterns in the maps mean nothing. Follow only the computation.',
    oov: (pct: string) =>
      `Words outside the vocabulary (${pct}% of the held-out text) still get an embedding from their character n-grams.`,
  },
} as const);
