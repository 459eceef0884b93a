#pragma once
// The instruction wording for every task kind. Templates hold `<name>` slots filled from the
// sample's scene (`<shape>` = "red circle", `<colour>`, `<scene>`, ...) and refer to the input
// images as `{image}` / `{image1}` exactly as ACE's prompts do.
#include <map>
#include <string>
#include <vector>

#include "ace/imaging/synth/SynthRandom.h"
#include "ace/imaging/synth/TaskKind.h"

namespace ace::synth {

class InstructionTemplates {
public:
    using Slots = std::map<std::string, std::string>;

    // All templates of a kind (MultiTurn has none of its own: it chains the editing kinds).
    static const std::vector<std::string>& templates(TaskKind kind);
    // The slot names a kind's templates may use, e.g. {"shape", "colour"} for Recolour.
    static std::vector<std::string> slotNames(const std::string& templ);

    // One template drawn from rng with its slots filled. Throws std::invalid_argument naming the
    // slot when a slot has no value, so no "<...>" ever reaches the training data.
    static std::string instruction(TaskKind kind, const Slots& slots, SynthRandom& rng);
    static std::string fill(const std::string& templ, const Slots& slots);

    // The reference's history rule: in the prompt of image i >= 1, "{image}" becomes "{image<i>}".
    static std::string renumberImageReference(const std::string& prompt, int index);
};

}  // namespace ace::synth
