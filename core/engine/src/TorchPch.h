#pragma once
// Precompiled header of ace_engine: the LibTorch C++ API, included by most engine sources.
#include <torch/torch.h>
