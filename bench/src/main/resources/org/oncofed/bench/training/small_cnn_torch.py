"""OncoFed's small-cnn in PyTorch: the baseline of the local-training benchmark.

The same network as the catalogue's small-cnn (four 3x3 convolution + ReLU + 2x2 max-pooling
blocks of 16, 32, 64 and 128 filters, 'same' padding, global pooling, a 3-class linear
softmax classifier), trained with Adam and a class-weighted cross-entropy on batches already in
memory, so the figure is PyTorch's best case on this machine.

The global pooling (avg or max) is an argument: the benchmark reads it from the catalogue's DL4J
configuration, so the two networks stay the same when the catalogue changes it; the parameter count
in the ready line lets the benchmark check the rest.

Speaks the benchmark worker protocol: prints "@bench ok ready <parameters> ..." once, then answers
each "measure <batches>" line on standard input with the images per second of that many training
steps, until "quit". Arguments: input size, batch size, threads, global pooling (avg or max).
"""
import sys
import time

import torch
from torch import nn

PREFIX = "@bench "
CLASSES = 3
FILTERS = (16, 32, 64, 128)
DISTINCT_BATCHES = 4


GLOBAL_POOLING = {"avg": nn.AdaptiveAvgPool2d, "max": nn.AdaptiveMaxPool2d}


def small_cnn(global_pooling):
    layers = []
    channels = 1
    for filters in FILTERS:
        layers += [nn.Conv2d(channels, filters, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2)]
        channels = filters
    return nn.Sequential(*layers, GLOBAL_POOLING[global_pooling](1), nn.Flatten(), nn.Linear(channels, CLASSES))


def answer(text):
    print(PREFIX + text, flush=True)


def main():
    size, batch, threads = (int(value) for value in sys.argv[1:4])
    global_pooling = sys.argv[4]
    if global_pooling not in GLOBAL_POOLING:
        answer("error global pooling must be one of %s, found '%s'" % (sorted(GLOBAL_POOLING), global_pooling))
        return
    torch.set_num_threads(threads)
    torch.manual_seed(7)
    network = small_cnn(global_pooling)
    optimiser = torch.optim.Adam(network.parameters(), lr=1e-3)
    loss_function = nn.CrossEntropyLoss(weight=torch.ones(CLASSES))
    batches = [(torch.rand(batch, 1, size, size), torch.randint(0, CLASSES, (batch,)))
               for _ in range(DISTINCT_BATCHES)]

    def train(steps):
        correct = 0
        for step in range(steps):
            features, labels = batches[step % DISTINCT_BATCHES]
            optimiser.zero_grad()
            output = network(features)
            loss = loss_function(output, labels)
            loss.backward()
            optimiser.step()
            correct += int((output.argmax(1) == labels).sum())
        return correct

    answer("ok ready %d parameters, %s global pooling; torch %s, %d threads, oneDNN %s" % (
        sum(p.numel() for p in network.parameters()), global_pooling, torch.__version__, torch.get_num_threads(), torch.backends.mkldnn.is_available()))
    for line in sys.stdin:
        command = line.split()
        if not command:
            continue
        if command[0] == "quit":
            break
        if command[0] != "measure" or len(command) != 2:
            answer("error unknown command '%s', expected 'measure <batches>' or quit" % line.strip())
            continue
        steps = int(command[1])
        start = time.perf_counter()
        train(steps)
        answer("ok %.3f" % (steps * batch / (time.perf_counter() - start)))


if __name__ == "__main__":
    main()
