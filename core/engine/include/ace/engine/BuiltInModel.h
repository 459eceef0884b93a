#pragma once
// The model that ships with the app: small, trained by ace-train on the synthetic task data
// (resources/models/README.md), in the release's folder layout. It is the default model until the
// user points the app at the ACE-0.6B weights.
#include <filesystem>

namespace ace {

// Where the built-in model is, or an empty path when this installation has none. Looks, in order,
// at $ACE_BUILTIN_MODEL, at <exe>/../share/ace-desktop/models/builtin (installed and packaged
// layout), and at the source tree's resources/models/builtin (developer builds). A folder counts
// only when its models/ace_model.json says "built_in": true.
std::filesystem::path findBuiltInModel(const std::filesystem::path& executableDir);

// True when `folder` (the model root or its models/ folder) holds a built-in model.
bool isBuiltInModelFolder(const std::filesystem::path& folder);

}  // namespace ace
