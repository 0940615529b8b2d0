#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "common/assets.hpp"
#include "pipeline/pipeline.hpp"

namespace frontline::testing_support {

/// The pipeline over the project's data, loaded once per test binary (lexicon, gazetteer and
/// country outlines take seconds) and shared by every suite of it.
class PipelineTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!pipeline_) pipeline_ = std::make_unique<Pipeline>(data_root());
    }
    static const Pipeline& pipeline() { return *pipeline_; }

private:
    static inline std::unique_ptr<Pipeline> pipeline_;
};

}  // namespace frontline::testing_support
