#include "ace/imaging/synth/InstructionTemplates.h"

#include <stdexcept>

namespace ace::synth {

const std::vector<TaskKind>& allTaskKinds() {
    static const std::vector<TaskKind> kKinds = {
        TaskKind::TextToImage,  TaskKind::Canny,       TaskKind::Grayscale,        TaskKind::Mosaic,
        TaskKind::Blur,         TaskKind::Segmentation, TaskKind::ControlCanny,    TaskKind::ControlGrayscale,
        TaskKind::ControlSegmentation, TaskKind::Recolour, TaskKind::ChangeBackground, TaskKind::AddShape,
        TaskKind::RemoveShape,  TaskKind::ReplaceShape, TaskKind::AddText,         TaskKind::EraseText,
        TaskKind::InpaintBox,   TaskKind::InpaintFreeForm, TaskKind::InpaintGuided, TaskKind::Outpaint,
        TaskKind::Decouple,     TaskKind::Fuse,        TaskKind::Reference,        TaskKind::MultiTurn,
    };
    return kKinds;
}

std::string taskKindName(TaskKind kind) {
    switch (kind) {
    case TaskKind::TextToImage: return "text_to_image";
    case TaskKind::Canny: return "canny";
    case TaskKind::Grayscale: return "grayscale";
    case TaskKind::Mosaic: return "mosaic";
    case TaskKind::Blur: return "blur";
    case TaskKind::Segmentation: return "segmentation";
    case TaskKind::ControlCanny: return "control_canny";
    case TaskKind::ControlGrayscale: return "control_grayscale";
    case TaskKind::ControlSegmentation: return "control_segmentation";
    case TaskKind::Recolour: return "recolour";
    case TaskKind::ChangeBackground: return "change_background";
    case TaskKind::AddShape: return "add_shape";
    case TaskKind::RemoveShape: return "remove_shape";
    case TaskKind::ReplaceShape: return "replace_shape";
    case TaskKind::AddText: return "add_text";
    case TaskKind::EraseText: return "erase_text";
    case TaskKind::InpaintBox: return "inpaint_box";
    case TaskKind::InpaintFreeForm: return "inpaint_free_form";
    case TaskKind::InpaintGuided: return "inpaint_guided";
    case TaskKind::Outpaint: return "outpaint";
    case TaskKind::Decouple: return "decouple";
    case TaskKind::Fuse: return "fuse";
    case TaskKind::Reference: return "reference";
    case TaskKind::MultiTurn: return "multi_turn";
    }
    return "unknown";
}

std::string taskFamilyName(TaskKind kind) {
    switch (kind) {
    case TaskKind::TextToImage: return "text-to-image";
    case TaskKind::Canny:
    case TaskKind::Grayscale:
    case TaskKind::Mosaic:
    case TaskKind::Blur:
    case TaskKind::Segmentation: return "low-level analysis";
    case TaskKind::ControlCanny:
    case TaskKind::ControlGrayscale:
    case TaskKind::ControlSegmentation: return "controllable generation";
    case TaskKind::Recolour:
    case TaskKind::ChangeBackground: return "semantic editing";
    case TaskKind::AddShape:
    case TaskKind::RemoveShape:
    case TaskKind::ReplaceShape:
    case TaskKind::AddText:
    case TaskKind::EraseText: return "element editing";
    case TaskKind::InpaintBox:
    case TaskKind::InpaintFreeForm:
    case TaskKind::InpaintGuided:
    case TaskKind::Outpaint: return "repainting";
    case TaskKind::Decouple:
    case TaskKind::Fuse: return "layer editing";
    case TaskKind::Reference: return "reference generation";
    case TaskKind::MultiTurn: return "multi-turn";
    }
    return "unknown";
}

TaskKind taskKindFromName(const std::string& name) {
    for (TaskKind k : allTaskKinds())
        if (taskKindName(k) == name) return k;
    throw std::invalid_argument("unknown task kind: " + name);
}

const std::vector<std::string>& InstructionTemplates::templates(TaskKind kind) {
    static const std::map<TaskKind, std::vector<std::string>> kTemplates = {
        {TaskKind::TextToImage, {"<scene>", "Generate an image of <scene>.", "Draw <scene>.", "A picture of <scene>."}},
        {TaskKind::Canny, {"Detect the edges of {image}.", "Extract the Canny edge map of {image}.",
                           "Draw the edges of {image}."}},
        {TaskKind::Grayscale, {"Convert {image} to grayscale.", "Make {image} black and white.",
                               "Remove the colours from {image}."}},
        {TaskKind::Mosaic, {"Pixelate {image}.", "Apply a mosaic effect to {image}."}},
        {TaskKind::Blur, {"Blur {image}.", "Apply a Gaussian blur to {image}.", "Make {image} blurry."}},
        {TaskKind::Segmentation, {"Segment {image}.", "Produce the segmentation map of {image}.",
                                  "Show the segmentation of {image}."}},
        {TaskKind::ControlCanny, {"Generate an image from the edge map {image}: <scene>.",
                                  "Following the edges in {image}, draw <scene>."}},
        {TaskKind::ControlGrayscale, {"Colourize {image}: <scene>.", "Add colours to {image} so that it shows <scene>."}},
        {TaskKind::ControlSegmentation, {"Generate an image from the segmentation map {image}: <scene>.",
                                         "Use the layout in {image} to draw <scene>."}},
        {TaskKind::Recolour, {"Make the <shape> in {image} <colour>.",
                              "Change the colour of the <shape> in {image} to <colour>.",
                              "Recolour the <shape> in {image} <colour>."}},
        {TaskKind::ChangeBackground, {"Change the background of {image} to <background>.",
                                      "Replace the background of {image} with <background>."}},
        {TaskKind::AddShape, {"Add <newshape> <where> of {image}.", "Draw <newshape> <where> of {image}.",
                              "In {image}, add <newshape> <where>."}},
        {TaskKind::RemoveShape, {"Remove the <shape> from {image}.", "Delete the <shape> in {image}.",
                                 "Erase the <shape> from {image}."}},
        {TaskKind::ReplaceShape, {"Replace the <shape> in {image} with <newshape>.",
                                  "Turn the <shape> in {image} into <newshape>."}},
        {TaskKind::AddText, {"Write \"<text>\" in <colour> <where> of {image}.",
                             "Add the text \"<text>\" in <colour> <where> of {image}."}},
        {TaskKind::EraseText, {"Erase the text \"<text>\" from {image}.", "Remove the text from {image}."}},
        {TaskKind::InpaintBox, {"Fill in the masked area of {image}.", "Inpaint the masked region of {image}.",
                                "Restore the missing part of {image}."}},
        {TaskKind::InpaintFreeForm, {"Fill in the masked area of {image}.", "Inpaint the masked region of {image}.",
                                     "Restore the missing part of {image}."}},
        {TaskKind::InpaintGuided, {"Draw <newshape> in the masked area of {image}.",
                                   "Fill the masked region of {image} with <newshape>."}},
        {TaskKind::Outpaint, {"Extend {image} <direction>.", "Outpaint {image} <direction>."}},
        {TaskKind::Decouple, {"Extract the <shape> from {image} onto a white background.",
                              "Cut out the <shape> in {image}."}},
        {TaskKind::Fuse, {"Place the <shape> from {image} onto {image1}.",
                          "Put the <shape> in {image} on the background {image1}."}},
        {TaskKind::Reference, {"Add the <shape> from {image1} to {image}.", "Copy the <shape> of {image1} into {image}."}},
        {TaskKind::MultiTurn, {}},
    };
    return kTemplates.at(kind);
}

std::vector<std::string> InstructionTemplates::slotNames(const std::string& templ) {
    std::vector<std::string> names;
    std::size_t pos = 0;
    while ((pos = templ.find('<', pos)) != std::string::npos) {
        const std::size_t end = templ.find('>', pos);
        if (end == std::string::npos) break;
        names.push_back(templ.substr(pos + 1, end - pos - 1));
        pos = end + 1;
    }
    return names;
}

std::string InstructionTemplates::fill(const std::string& templ, const Slots& slots) {
    std::string out;
    std::size_t pos = 0;
    while (pos < templ.size()) {
        const std::size_t open = templ.find('<', pos);
        if (open == std::string::npos) {
            out += templ.substr(pos);
            break;
        }
        const std::size_t close = templ.find('>', open);
        if (close == std::string::npos) throw std::invalid_argument("unterminated slot in template: " + templ);
        out += templ.substr(pos, open - pos);
        const std::string name = templ.substr(open + 1, close - open - 1);
        const auto it = slots.find(name);
        if (it == slots.end()) throw std::invalid_argument("no value for slot <" + name + "> in template: " + templ);
        out += it->second;
        pos = close + 1;
    }
    return out;
}

std::string InstructionTemplates::instruction(TaskKind kind, const Slots& slots, SynthRandom& rng) {
    const auto& list = templates(kind);
    if (list.empty()) throw std::invalid_argument("task kind " + taskKindName(kind) + " has no templates of its own");
    return fill(rng.pick(list), slots);
}

std::string InstructionTemplates::renumberImageReference(const std::string& prompt, int index) {
    if (index < 1) return prompt;
    static const std::string kPlain = "{image}";
    const std::string numbered = "{image" + std::to_string(index) + "}";
    std::string out;
    std::size_t pos = 0, hit;
    while ((hit = prompt.find(kPlain, pos)) != std::string::npos) {
        out += prompt.substr(pos, hit - pos) + numbered;
        pos = hit + kPlain.size();
    }
    return out + prompt.substr(pos);
}

}  // namespace ace::synth
