#include "LatentEncoder.h"

#include <torch/torch.h>

#include "ace/common/Error.h"

namespace ace::train {

LatentEncoder::LatentEncoder(AutoencoderKL vae, torch::Device device, bool withBf16)
    : m_vae(std::move(vae)), m_device(device) {
    m_vae->eval();
    for (auto& p : m_vae->parameters()) p.set_requires_grad(false);
    if (!withBf16) return;
    torch::NoGradGuard noGrad;
    m_vaeBf16 = AutoencoderKL(m_vae->config(), torch::kBFloat16, vae::WeightInit::Empty);
    // The module holds its convolution weights in bf16 and GroupNorm in float32; copy_ rounds
    // into whatever each parameter holds, and fills every one.
    auto source = m_vae->named_parameters(true);
    for (auto& p : m_vaeBf16->named_parameters(true)) {
        p.value().copy_(source[p.key()]);
        p.value().set_requires_grad(false);
    }
    m_vaeBf16->to(device);
    m_vaeBf16->eval();
}

torch::Tensor LatentEncoder::encode(const torch::Tensor& images, const torch::Tensor& noise, bool bf16) {
    torch::NoGradGuard noGrad;
    if (!bf16) return m_vae->encode(images.to(m_device), noise.to(m_device)) * kLatentScale;
    if (!m_vaeBf16) throw Error("LatentEncoder: bf16 encoding was asked of an encoder built without it");
    // oneDNN's bf16 convolutions are fastest on channels-last blocks; the layout propagates
    // through the encoder.
    const torch::Tensor x = images.to(m_device).contiguous(torch::MemoryFormat::ChannelsLast);
    return (m_vaeBf16->encode(x, noise.to(m_device)) * kLatentScale).contiguous();
}

}  // namespace ace::train
