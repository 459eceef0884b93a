#pragma once
// The one place where checkpoint key names are translated into the engine's module parameter
// names. Every transform is TensorSource -> TensorSource and lazy: shapes of renamed, split or
// padded tensors are computed here from the source shapes, and the slicing/padding happens only
// when the resulting LazyTensor is loaded. Nothing of a dropped tensor is ever read.
//
// The renames follow the reference loaders (ACE `DiTACE.load_pretrained_model`, scepter
// `AutoencoderKL.init_from_ckpt`), which load non-strictly; since the engine loads strictly, keys
// the reference would silently ignore are dropped here only where the reference's effect is to
// ignore them (a `state_dict` wrapper's siblings, a full LDM checkpoint's non-VAE weights).
#include <cstdint>
#include <string>

#include "checkpoint/StateDict.h"

namespace ace::ckpt {

// Keys below `prefix` (e.g. "state_dict."), with the prefix removed; all keys unchanged when none
// starts with it. Mirrors the reference's `if 'state_dict' in model: model = model['state_dict']`
// for readers that flatten nested dicts into dotted keys.
TensorSource unwrapPrefix(const TensorSource& source, const std::string& prefix);

// DiT (ACE / PixArt-style) checkpoint -> DiTACE parameter names:
//   `state_dict.` wrapper removed;
//   `.cross_attn.q_linear.` -> `.cross_attn.q.`;  `.cross_attn.proj.` / `.attn.proj.` -> `.o.`;
//   `.cross_attn.kv_linear.` split along dim 0 in halves -> `.k.`, `.v.`;
//   `.attn.qkv.` split along dim 0 in thirds -> `.q.`, `.k.`, `.v.`;
//   `y_embedder.y_proj.` -> `y_embedder.`;
//   `x_embedder.proj.weight` [C, in-1, p, p] zero-padded to [C, in, p, p] (the mask channel's
//   weights are 0), `in` = xEmbedderInChannels.
// Two source tensors landing on one name throw ace::Error naming both. A fused tensor whose
// first dimension does not divide evenly throws too (the reference fails on it as well).
TensorSource mapDitKeys(const TensorSource& source, int64_t xEmbedderInChannels = 5);

// VAE checkpoint in LDM/CompVis naming -> scepter AutoencoderKL names: a key containing
// `post_quant_conv` gets it replaced by `conv2`, otherwise `quant_conv` by `conv1`; every
// `first_stage_model.` is removed. A `state_dict.` wrapper is removed; when some keys carry
// `first_stage_model.` (a full LDM checkpoint), keys without it (UNet, text encoder) are dropped.
// Already-scepter names pass unchanged.
TensorSource mapVaeKeys(const TensorSource& source);

// The T5 encoder's tensors of a full Hugging Face T5 (encoder-decoder) checkpoint: `shared.weight`
// and `encoder.*` except the tied alias `encoder.embed_tokens.weight`, which becomes
// `shared.weight` when that is absent. `decoder.*`, `lm_head.*` and anything else are dropped.
TensorSource selectT5EncoderKeys(const TensorSource& source);

// The keys selectT5EncoderKeys may keep (`shared.weight`, `encoder.*`), as a filter for
// sourceFromReader/openSource: with it, shards holding only decoder weights are never opened.
bool isT5EncoderKey(const std::string& key);

}  // namespace ace::ckpt
