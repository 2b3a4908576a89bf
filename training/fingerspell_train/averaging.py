"""Weight averaging of checkpoints from one run (stochastic weight averaging over epochs): the mean of the
weights of several epochs of a fine-tune often lies nearer the middle of a flat region of the loss than any one
epoch, which tends to carry over better to data unlike the training set. Averaged BatchNorm statistics are not
the statistics of the averaged network, so they are measured again on training batches."""
import torch
import torch.nn as nn


def average_state_dicts(state_dicts):
    """Element-wise mean of floating-point tensors; integer ones (BatchNorm's batch counters) from the last."""
    if not state_dicts:
        raise ValueError("no state dicts to average")
    keys = list(state_dicts[0].keys())
    for sd in state_dicts[1:]:
        if list(sd.keys()) != keys:
            raise ValueError("state dicts of different architectures")
    out = {}
    for k in keys:
        tensors = [sd[k] for sd in state_dicts]
        if tensors[0].is_floating_point():
            out[k] = torch.stack([t.double() for t in tensors]).mean(0).to(tensors[0].dtype)
        else:
            out[k] = tensors[-1].clone()
    return out


def recompute_batchnorm(model, batches):
    """Running mean and variance of every BatchNorm as the plain average over the given input batches.

    Training-mode forward passes without gradients, momentum None (a cumulative average, not an exponential
    one), as torch.optim.swa_utils.update_bn does; the model is left in eval mode."""
    norms = [m for m in model.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)]
    momenta = [bn.momentum for bn in norms]
    for bn in norms:
        bn.reset_running_stats()
        bn.momentum = None
    model.train()
    n = 0
    with torch.no_grad():
        for x in batches:
            model(x)
            n += len(x)
    for bn, momentum in zip(norms, momenta):
        bn.momentum = momentum
    model.eval()
    if n == 0:
        raise ValueError("no batches to measure BatchNorm statistics on")
    return n
