#include "lcu/LcuBuilder.h"

#include <cctype>

#include "ace/common/Error.h"

namespace ace {
namespace {

constexpr int64_t kSideMultiple = 16;

std::string imageName(int index) { return index == 0 ? "{image}" : "{image" + std::to_string(index) + "}"; }

// In the current instruction with k history images before n current ones: "{image}" ->
// "{image<k>}" and "{image<j>}" -> "{image<k+j>}" for 1 <= j < n; anything else is kept. One pass,
// so a replacement is never replaced again.
std::string shiftCurrentReferences(const std::string& prompt, int k, int n) {
    static const std::string open = "{image";
    std::string out;
    size_t pos = 0;
    while (pos < prompt.size()) {
        const size_t at = prompt.find(open, pos);
        if (at == std::string::npos) {
            out.append(prompt, pos, std::string::npos);
            break;
        }
        out.append(prompt, pos, at - pos);
        size_t end = at + open.size();
        while (end < prompt.size() && std::isdigit(static_cast<unsigned char>(prompt[end])))
            ++end;
        const std::string digits = prompt.substr(at + open.size(), end - at - open.size());
        // A reference is "{image}" or "{image<j>}" with j written without a leading zero.
        const bool closed = end < prompt.size() && prompt[end] == '}';
        const bool canonical = digits.empty() || (digits[0] != '0' && digits.size() <= 2);
        if (closed && canonical) {
            const int j = digits.empty() ? 0 : std::stoi(digits);
            if (j < n) {
                out += imageName(k + j);
                pos = end + 1;
                continue;
            }
        }
        out.append(prompt, at, end - at);
        pos = end;
    }
    return out;
}

std::string sizeText(int64_t w, int64_t h) { return std::to_string(w) + "x" + std::to_string(h); }

void checkOutputSize(int64_t width, int64_t height, int64_t maxSeqLen, int64_t pixelsPerPosition) {
    if (width <= 0 || height <= 0 || width % kSideMultiple != 0 || height % kSideMultiple != 0) {
        auto suggest = [](int64_t v) {
            const int64_t lo = std::max<int64_t>(kSideMultiple, v / kSideMultiple * kSideMultiple);
            const int64_t hi = lo < v ? lo + kSideMultiple : lo;
            return lo == hi ? std::to_string(lo) : std::to_string(lo) + " or " + std::to_string(hi);
        };
        throw Error("the output size " + sizeText(width, height) +
                    " px is not possible: width and height must be positive multiples of 16 (width " +
                    suggest(width) + ", height " + suggest(height) + ")");
    }
    // One RoPE position per patch along each axis (16 px for the release), maxSeqLen positions in
    // the table.
    if (width / pixelsPerPosition > maxSeqLen || height / pixelsPerPosition > maxSeqLen)
        throw Error("the output size " + sizeText(width, height) + " px is too large for this model (at most " +
                    std::to_string(maxSeqLen * pixelsPerPosition / kSideMultiple * kSideMultiple) + " px per side)");
}

struct Source {
    const InputImage* input;
    std::string instruction;
    std::string label;
};

}  // namespace

std::string renameImageReference(const std::string& prompt, int index) {
    static const std::string plain = "{image}";
    const std::string named = imageName(index);
    std::string out;
    size_t pos = 0;
    for (size_t at; (at = prompt.find(plain, pos)) != std::string::npos; pos = at + plain.size())
        out.append(prompt, pos, at - pos).append(named);
    out.append(prompt, pos, std::string::npos);
    return out;
}

LcuPlan buildLcu(const TurnRequest& request, int64_t maxSeqLen, int64_t defaultWidth, int64_t defaultHeight,
                 int64_t pixelsPerPosition) {
    if (maxSeqLen < 1)
        throw Error("the token budget must be positive, got " + std::to_string(maxSeqLen));
    if (pixelsPerPosition < 1 || kSideMultiple % pixelsPerPosition != 0)
        throw Error("a patch of " + std::to_string(pixelsPerPosition) + " px does not divide the " +
                    std::to_string(kSideMultiple) + " px grid of the images");
    const GenerationOptions& options = request.options;
    const Turn& current = request.current;
    LcuPlan plan;

    if (current.images.empty()) {
        // Text to image: the reference ignores any history here.
        plan.textToImage = true;
        plan.width = options.outputWidth != 0 ? options.outputWidth : defaultWidth;  // 0: the model's default
        plan.height = options.outputHeight != 0 ? options.outputHeight : defaultHeight;
        checkOutputSize(plan.width, plan.height, maxSeqLen, pixelsPerPosition);
        plan.targetMask = torch::ones({1, plan.height, plan.width}, torch::kFloat32);
        plan.frameTexts = {current.instruction};
        plan.negativeFrameTexts = {options.negativePrompt};
        plan.indicators = {0};
        return plan;
    }

    // Condition images in frame order: each history turn's first input (the last
    // kMaxHistoryInputs turns that have one), then the current turn's images.
    std::vector<Source> sources;
    for (size_t t = 0; t < request.history.size(); ++t) {
        const Turn& turn = request.history[t];
        if (!turn.images.empty())
            sources.push_back({&turn.images.front(), turn.instruction,
                               "the input image of history turn " + std::to_string(t + 1)});
    }
    if (sources.size() > static_cast<size_t>(kMaxHistoryInputs))
        sources.erase(sources.begin(), sources.end() - kMaxHistoryInputs);
    const int k = static_cast<int>(sources.size());
    const int n = static_cast<int>(current.images.size());
    for (int j = 0; j < n; ++j)
        sources.push_back({&current.images[j], current.instruction,
                           n == 1 ? std::string("the input image") : "input image " + std::to_string(j + 1)});
    const int count = k + n;
    if (count + 1 > kIndicatorSlots)
        throw Error("this turn has " + std::to_string(count) + " condition images (" + std::to_string(n) +
                    " attached, " + std::to_string(k) + " from the history); ACE can tell at most " +
                    std::to_string(kIndicatorSlots - 1) + " apart");

    // One prompt per condition image, renamed as the reference does once a history is involved.
    std::vector<std::string> prompts;
    prompts.reserve(count);
    for (int i = 0; i < count; ++i) {
        if (k == 0)
            prompts.push_back(current.instruction);
        else if (i < k)
            prompts.push_back(i == 0 ? sources[i].instruction : renameImageReference(sources[i].instruction, i));
        else
            prompts.push_back(shiftCurrentReferences(current.instruction, k, n));
    }

    plan.images.reserve(count);
    for (const Source& s : sources)
        plan.images.push_back(prepareImage(s.input->image, s.input->mask, s.input->task, maxSeqLen, s.label));

    const PreparedImage& target = plan.images.front();
    plan.height = target.image.size(1);
    plan.width = target.image.size(2);
    plan.targetMask = target.mask;

    plan.frameTexts.push_back(prompts.back());
    plan.frameTexts.insert(plan.frameTexts.end(), prompts.begin(), prompts.end());
    std::vector<std::string> negatives = prompts;
    negatives.back() = options.negativePrompt;
    plan.negativeFrameTexts.push_back(negatives.back());
    plan.negativeFrameTexts.insert(plan.negativeFrameTexts.end(), negatives.begin(), negatives.end());

    plan.indicators.push_back(count);  // the target takes the last used slot
    for (int f = 1; f <= count; ++f)
        plan.indicators.push_back(f - 1);
    return plan;
}

}  // namespace ace
