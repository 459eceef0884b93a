#pragma once
// ACE's task families in miniature (the paper's data recipes, section 3), one entry per recipe.
#include <string>
#include <vector>

namespace ace::synth {

enum class TaskKind {
    TextToImage,
    // low-level analysis: the target is a map of the input
    Canny, Grayscale, Mosaic, Blur, Segmentation,
    // controllable generation: the input is such a map, the target the scene
    ControlCanny, ControlGrayscale, ControlSegmentation,
    // semantic editing
    Recolour, ChangeBackground,
    // element editing
    AddShape, RemoveShape, ReplaceShape, AddText, EraseText,
    // repainting (task string "inpainting"; the mask marks the pixels to fill)
    InpaintBox, InpaintFreeForm, InpaintGuided, Outpaint,
    // layer editing
    Decouple, Fuse,
    // reference generation
    Reference,
    // several turns of the editing kinds, with history
    MultiTurn,
};

const std::vector<TaskKind>& allTaskKinds();
std::string taskKindName(TaskKind kind);    // "text_to_image", "canny", ...
std::string taskFamilyName(TaskKind kind);  // "text-to-image", "low-level analysis", ...
TaskKind taskKindFromName(const std::string& name);  // throws std::invalid_argument

}  // namespace ace::synth
